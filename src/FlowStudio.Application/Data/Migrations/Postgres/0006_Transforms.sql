CREATE TABLE "Transforms" (
    "Id" text NOT NULL,
    "Name" text NOT NULL,
    "InputDatasetId" text NOT NULL,
    "DatasetId" text NOT NULL,
    "StepsJson" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Transforms" PRIMARY KEY ("Id")
);


CREATE UNIQUE INDEX "IX_Transforms_DatasetId" ON "Transforms" ("DatasetId");


CREATE INDEX "IX_Transforms_InputDatasetId" ON "Transforms" ("InputDatasetId");
