using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>
/// Configuration versions of sources and destinations, and the version each run started with. Resources saved before
/// get their version 1 lazily, from their configuration, the first time their versions are read, they change or they run.
/// </summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261220000000_ConfigurationVersions")]
internal sealed class ConfigurationVersions : Migration
{
    public const string ScriptFile = "0005_Versions.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
