using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Users (ASP.NET Core Identity), their API keys and the audit log.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261201000000_Accounts")]
internal sealed class Accounts : Migration
{
    public const string ScriptFile = "0002_Accounts.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
