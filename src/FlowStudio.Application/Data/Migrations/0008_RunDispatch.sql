CREATE TABLE "RunCancellations" (
    "RunId" TEXT NOT NULL CONSTRAINT "PK_RunCancellations" PRIMARY KEY,
    "RequestedAt" TEXT NOT NULL,
    CONSTRAINT "FK_RunCancellations_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Runs_ResourceId_Running" ON "Runs" ("ResourceId") WHERE "Status" = 'running';
