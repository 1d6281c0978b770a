CREATE TABLE "SyncRunReports" (
    "RunId" TEXT NOT NULL CONSTRAINT "PK_SyncRunReports" PRIMARY KEY,
    "SyncId" TEXT NOT NULL,
    "ReportJson" TEXT NOT NULL
);


CREATE TABLE "Syncs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Syncs" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ClientSuccessCredentialId" TEXT NOT NULL,
    "CrmCredentialId" TEXT NOT NULL,
    "ClientsJson" TEXT NULL,
    "ContactsJson" TEXT NULL,
    "PullCron" TEXT NOT NULL,
    "PushIntervalSeconds" INTEGER NOT NULL,
    "PropagateDeletes" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "NextPullAt" TEXT NULL,
    "NextPushAt" TEXT NULL,
    "PullRequested" INTEGER NOT NULL,
    "PushCursor" TEXT NULL,
    "ImportedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "SyncPairs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SyncPairs" PRIMARY KEY AUTOINCREMENT,
    "SyncId" TEXT NOT NULL,
    "Object" TEXT NOT NULL,
    "ClientSuccessId" TEXT NOT NULL,
    "CrmId" TEXT NOT NULL,
    "ValuesJson" TEXT NOT NULL,
    "ClientSuccessModifiedAt" TEXT NULL,
    "CrmModifiedAt" TEXT NULL,
    "SyncedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SyncPairs_Syncs_SyncId" FOREIGN KEY ("SyncId") REFERENCES "Syncs" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_SyncPairs_SyncId_Object_ClientSuccessId" ON "SyncPairs" ("SyncId", "Object", "ClientSuccessId");


CREATE UNIQUE INDEX "IX_SyncPairs_SyncId_Object_CrmId" ON "SyncPairs" ("SyncId", "Object", "CrmId");


CREATE INDEX "IX_SyncRunReports_SyncId" ON "SyncRunReports" ("SyncId");


CREATE UNIQUE INDEX "IX_Syncs_Name" ON "Syncs" ("Name");
