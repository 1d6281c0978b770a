CREATE TABLE "DeliverySlices" (
    "RunId" text NOT NULL,
    "Slice" integer NOT NULL,
    "FromId" bigint NOT NULL,
    "ToId" bigint NOT NULL,
    "DoneThrough" bigint NOT NULL,
    "RecordsRead" bigint NOT NULL,
    "RecordsSent" bigint NOT NULL,
    "RecordsFailed" bigint NOT NULL,
    "Requests" integer NOT NULL,
    "Instance" text,
    "Error" text,
    "FinishedAt" timestamp with time zone,
    CONSTRAINT "PK_DeliverySlices" PRIMARY KEY ("RunId", "Slice"),
    CONSTRAINT "FK_DeliverySlices_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE
);
