CREATE TABLE "DeliveryOffsets" (
    "DestinationId" TEXT NOT NULL CONSTRAINT "PK_DeliveryOffsets" PRIMARY KEY,
    "RecordId" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "FailedDeliveries" (
    "DestinationId" TEXT NOT NULL,
    "RecordId" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextTryAt" TEXT NOT NULL,
    "Permanent" INTEGER NOT NULL,
    "RequestErrorId" INTEGER NULL,
    "Reason" TEXT NULL,
    "RunId" TEXT NULL,
    CONSTRAINT "PK_FailedDeliveries" PRIMARY KEY ("DestinationId", "RecordId")
);


CREATE TABLE "IngestJobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IngestJobs" PRIMARY KEY AUTOINCREMENT,
    "DestinationId" TEXT NOT NULL,
    "RunId" TEXT NOT NULL,
    "JobId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Records" INTEGER NOT NULL,
    "At" TEXT NOT NULL
);


CREATE TABLE "RequestErrors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RequestErrors" PRIMARY KEY AUTOINCREMENT,
    "DestinationId" TEXT NOT NULL,
    "RunId" TEXT NULL,
    "Status" INTEGER NULL,
    "Message" TEXT NOT NULL,
    "JobId" TEXT NULL,
    "At" TEXT NOT NULL
);


CREATE INDEX "IX_FailedDeliveries_RequestErrorId" ON "FailedDeliveries" ("RequestErrorId");


CREATE INDEX "IX_FailedDeliveries_RunId" ON "FailedDeliveries" ("RunId");


CREATE INDEX "IX_IngestJobs_DestinationId" ON "IngestJobs" ("DestinationId");


CREATE INDEX "IX_IngestJobs_RunId" ON "IngestJobs" ("RunId");


CREATE INDEX "IX_RequestErrors_DestinationId" ON "RequestErrors" ("DestinationId");


CREATE INDEX "IX_RequestErrors_RunId" ON "RequestErrors" ("RunId");


-- Today's per-record states become the new shape: a destination's offset ends before its first record left in flight
-- (a crash re-sends it), else at its last record with a state; its failed and dead records keep their attempts and error.
INSERT INTO "DeliveryOffsets" ("DestinationId", "RecordId", "UpdatedAt")
SELECT "DestinationId",
       COALESCE(MIN(CASE WHEN "Outcome" = 'inflight' THEN "RecordId" END) - 1, MAX("RecordId")),
       MAX("UpdatedAt")
FROM "DeliveryStates" GROUP BY "DestinationId";


INSERT INTO "FailedDeliveries" ("DestinationId", "RecordId", "Attempts", "NextTryAt", "Permanent", "RequestErrorId", "Reason", "RunId")
SELECT s."DestinationId", s."RecordId", s."Attempts", s."UpdatedAt", s."Outcome" = 'dead', NULL,
       COALESCE(s."Error", CASE WHEN s."Status" IS NULL THEN 'Failed' ELSE 'HTTP ' || s."Status" END), s."RunId"
FROM "DeliveryStates" s JOIN "DeliveryOffsets" o ON o."DestinationId" = s."DestinationId"
WHERE s."Outcome" IN ('failed', 'dead') AND s."RecordId" <= o."RecordId";


DROP TABLE "DeliveryStates";
