using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>Transforms: steps that make a derived dataset from another dataset.</summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261221000000_Transforms")]
internal sealed class AddTransforms : Migration
{
    public const string ScriptFile = "0006_Transforms.sql";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SchemaScript.Read(ScriptFile, migrationBuilder));
}
