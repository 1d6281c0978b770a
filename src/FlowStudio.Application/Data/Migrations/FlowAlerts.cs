using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Alert rules of flows (on their sources) and the alerts they sent.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261210000000_FlowAlerts")]
internal sealed class FlowAlerts : Migration
{
    public const string ScriptFile = "0003_FlowAlerts.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
