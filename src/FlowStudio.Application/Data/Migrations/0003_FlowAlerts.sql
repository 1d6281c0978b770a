CREATE TABLE "AlertRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AlertRules" PRIMARY KEY,
    "SourceId" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "Threshold" INTEGER NULL,
    "Channel" TEXT NOT NULL,
    "EmailTo" TEXT NULL,
    "WebhookUrl" TEXT NULL,
    "ProtectedWebhookSecret" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AlertRules_Sources_SourceId" FOREIGN KEY ("SourceId") REFERENCES "Sources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Alerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Alerts" PRIMARY KEY AUTOINCREMENT,
    "SourceId" TEXT NOT NULL,
    "RuleId" TEXT NULL,
    "RunId" TEXT NULL,
    "Event" TEXT NOT NULL,
    "Threshold" INTEGER NULL,
    "Channel" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "NextAttemptAt" TEXT NULL,
    CONSTRAINT "FK_Alerts_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Alerts_Sources_SourceId" FOREIGN KEY ("SourceId") REFERENCES "Sources" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AlertRules_SourceId" ON "AlertRules" ("SourceId");


CREATE INDEX "IX_Alerts_RuleId_Id" ON "Alerts" ("RuleId", "Id");


CREATE INDEX "IX_Alerts_RunId" ON "Alerts" ("RunId");


CREATE INDEX "IX_Alerts_SourceId" ON "Alerts" ("SourceId");


CREATE INDEX "IX_Alerts_Status" ON "Alerts" ("Status");
