using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Runs dispatched through the job scheduler: one running run per resource across instances, and cancel requests any instance sees.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261223000000_RunDispatch")]
internal sealed class RunDispatch : Migration
{
    public const string ScriptFile = "0008_RunDispatch.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
