CREATE TABLE "RunCancellations" (
    "RunId" text NOT NULL,
    "RequestedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RunCancellations" PRIMARY KEY ("RunId"),
    CONSTRAINT "FK_RunCancellations_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Runs_ResourceId_Running" ON "Runs" ("ResourceId") WHERE "Status" = 'running';
