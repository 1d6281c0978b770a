using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>The per-credential rate budgets, held in the database so that every instance shares them.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261224000000_RateBudgets")]
internal sealed class RateBudgetsTable : Migration
{
    public const string ScriptFile = "0009_RateBudgets.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
