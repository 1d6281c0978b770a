using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>
/// Webhook sources were stored "paused" while their intake took records anyway. Intake now follows the status (a paused
/// webhook source refuses records), so the webhook sources that were receiving are marked active. Data only.
/// </summary>
[DbContext(typeof(FlowStudioDb))]
[Migration("20261206000000_WebhookSourcesReceive")]
internal sealed class WebhookSourcesReceive : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""UPDATE "Sources" SET "Status" = 'active' WHERE "Kind" = 'webhook';""");
}
