using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Large deliveries split into slices of record ids that several workers deliver at once.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261225000000_DeliverySlices")]
internal sealed class DeliverySlices : Migration
{
    public const string ScriptFile = "0010_DeliverySlices.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
