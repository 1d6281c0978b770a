using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Two-way syncs, the record pairs they keep in step and their run reports.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261222000000_Syncs")]
internal sealed class AddSyncs : Migration
{
    public const string ScriptFile = "0007_Syncs.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
