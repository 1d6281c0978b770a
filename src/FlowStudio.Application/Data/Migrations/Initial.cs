using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

[DbContext(typeof(FlowStudioDb))]
[Migration("20261122000000_Initial")]
internal sealed class Initial : Migration
{
    public const string ScriptFile = "0001_Initial.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
