CREATE TABLE "ResourceVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ResourceVersions" PRIMARY KEY AUTOINCREMENT,
    "ResourceId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "ConfigJson" TEXT NOT NULL,
    "RestoredFrom" INTEGER NULL
);


CREATE UNIQUE INDEX "IX_ResourceVersions_ResourceId_Number" ON "ResourceVersions" ("ResourceId", "Number");


ALTER TABLE "Runs" ADD COLUMN "Version" INTEGER NULL;
