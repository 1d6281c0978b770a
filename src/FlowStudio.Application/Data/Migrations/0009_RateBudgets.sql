CREATE TABLE "RateBudgets" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_RateBudgets" PRIMARY KEY,
    "NextFreeUs" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
