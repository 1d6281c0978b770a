CREATE TABLE "RateBudgets" (
    "Key" text NOT NULL,
    "NextFreeUs" bigint NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RateBudgets" PRIMARY KEY ("Key")
);
