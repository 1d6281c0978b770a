using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Delivery state per batch instead of per record: an offset per destination, only the failed records, one row per failed request, ingest jobs.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261213000000_DeliveryOffsets")]
internal sealed class DeliveryOffsets : Migration
{
    public const string ScriptFile = "0004_DeliveryOffsets.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
