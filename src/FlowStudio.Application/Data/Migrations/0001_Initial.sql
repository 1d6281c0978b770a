CREATE TABLE "Credentials" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Credentials" PRIMARY KEY,
    "Connector" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PublicFieldsJson" TEXT NOT NULL,
    "ProtectedSecrets" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "DatasetRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DatasetRecords" PRIMARY KEY AUTOINCREMENT,
    "DatasetId" TEXT NOT NULL,
    "DataJson" TEXT NOT NULL,
    "Key" TEXT NULL,
    "LookupKey" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "Datasets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Datasets" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "SourceId" TEXT NULL,
    "SchemaJson" TEXT NOT NULL,
    "RecordCount" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "DeliveryStates" (
    "DestinationId" TEXT NOT NULL,
    "RecordId" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Status" INTEGER NULL,
    "Error" TEXT NULL,
    "RunId" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_DeliveryStates" PRIMARY KEY ("DestinationId", "RecordId")
);


CREATE TABLE "Destinations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Destinations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "DatasetId" TEXT NOT NULL,
    "CredentialId" TEXT NOT NULL,
    "TemplateId" TEXT NULL,
    "ParametersJson" TEXT NOT NULL,
    "ManualJson" TEXT NULL,
    "OptionsJson" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ResponseSourceId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "Lookups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Lookups" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "DatasetId" TEXT NOT NULL,
    "KeyColumn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "Runs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Runs" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RecordsRead" INTEGER NOT NULL,
    "RecordsSent" INTEGER NOT NULL,
    "RecordsFailed" INTEGER NOT NULL,
    "Requests" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "Automatic" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL
);


CREATE TABLE "Sources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Sources" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "CredentialId" TEXT NULL,
    "TemplateId" TEXT NULL,
    "ParametersJson" TEXT NOT NULL,
    "ManualJson" TEXT NULL,
    "DatasetId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "WebhookToken" TEXT NULL,
    "ScheduleJson" TEXT NULL,
    "NextRunAt" TEXT NULL,
    "CursorField" TEXT NULL,
    "Cursor" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE UNIQUE INDEX "IX_Credentials_Name" ON "Credentials" ("Name");


CREATE INDEX "IX_DatasetRecords_DatasetId_Id" ON "DatasetRecords" ("DatasetId", "Id");


CREATE UNIQUE INDEX "IX_DatasetRecords_DatasetId_Key" ON "DatasetRecords" ("DatasetId", "Key") WHERE "Key" IS NOT NULL;


CREATE INDEX "IX_DeliveryStates_DestinationId_Outcome" ON "DeliveryStates" ("DestinationId", "Outcome");


CREATE INDEX "IX_DeliveryStates_RunId" ON "DeliveryStates" ("RunId");


CREATE INDEX "IX_Destinations_DatasetId" ON "Destinations" ("DatasetId");


CREATE UNIQUE INDEX "IX_Lookups_Name" ON "Lookups" ("Name");


CREATE INDEX "IX_Runs_ResourceId_StartedAt" ON "Runs" ("ResourceId", "StartedAt");


CREATE INDEX "IX_Sources_CredentialId" ON "Sources" ("CredentialId");
