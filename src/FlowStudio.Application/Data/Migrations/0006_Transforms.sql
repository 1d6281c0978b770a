CREATE TABLE "Transforms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Transforms" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "InputDatasetId" TEXT NOT NULL,
    "DatasetId" TEXT NOT NULL,
    "StepsJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE UNIQUE INDEX "IX_Transforms_DatasetId" ON "Transforms" ("DatasetId");


CREATE INDEX "IX_Transforms_InputDatasetId" ON "Transforms" ("InputDatasetId");
