CREATE TABLE "DeliverySlices" (
    "RunId" TEXT NOT NULL,
    "Slice" INTEGER NOT NULL,
    "FromId" INTEGER NOT NULL,
    "ToId" INTEGER NOT NULL,
    "DoneThrough" INTEGER NOT NULL,
    "RecordsRead" INTEGER NOT NULL,
    "RecordsSent" INTEGER NOT NULL,
    "RecordsFailed" INTEGER NOT NULL,
    "Requests" INTEGER NOT NULL,
    "Instance" TEXT NULL,
    "Error" TEXT NULL,
    "FinishedAt" TEXT NULL,
    CONSTRAINT "PK_DeliverySlices" PRIMARY KEY ("RunId", "Slice"),
    CONSTRAINT "FK_DeliverySlices_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE
);
