using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Data;

/// <summary>The app's one database: its own tables and ASP.NET Core Identity's users (without Identity roles: a user has one <see cref="AccountRole"/>).</summary>
internal sealed class FlowStudioDb(DbContextOptions<FlowStudioDb> options) : IdentityUserContext<UserAccount>(options)
{
    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetRecord> DatasetRecords => Set<DatasetRecord>();

    public DbSet<Lookup> Lookups => Set<Lookup>();

    public DbSet<Transform> Transforms => Set<Transform>();

    public DbSet<Run> Runs => Set<Run>();

    public DbSet<RunCancellation> RunCancellations => Set<RunCancellation>();

    public DbSet<Destination> Destinations => Set<Destination>();

    public DbSet<DeliveryOffset> DeliveryOffsets => Set<DeliveryOffset>();

    public DbSet<DeliverySlice> DeliverySlices => Set<DeliverySlice>();

    public DbSet<FailedDelivery> FailedDeliveries => Set<FailedDelivery>();

    public DbSet<RequestError> RequestErrors => Set<RequestError>();

    public DbSet<IngestJob> IngestJobs => Set<IngestJob>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<ResourceVersion> ResourceVersions => Set<ResourceVersion>();

    public DbSet<Sync> Syncs => Set<Sync>();

    public DbSet<SyncPair> SyncPairs => Set<SyncPair>();

    public DbSet<SyncRunReport> SyncRunReports => Set<SyncRunReport>();

    public DbSet<StoredRateBudget> RateBudgets => Set<StoredRateBudget>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<ResourceStatus>().HaveConversion<StoredWordConverter<ResourceStatus>>();
        configurationBuilder.Properties<SourceKind>().HaveConversion<StoredWordConverter<SourceKind>>();
        configurationBuilder.Properties<RunKind>().HaveConversion<StoredWordConverter<RunKind>>();
        configurationBuilder.Properties<RunStatus>().HaveConversion<StoredWordConverter<RunStatus>>();
        configurationBuilder.Properties<SyncObject>().HaveConversion<StoredWordConverter<SyncObject>>();
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<UserAccount>(e => e.Property(u => u.Role).HasConversion<string>());
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.Prefix);
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasOne<UserAccount>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.At);
            e.Property(a => a.Action).HasConversion<string>();
            e.Property(a => a.Resource).HasConversion<string>();
        });
        modelBuilder.Entity<Credential>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.Name).IsUnique();
        });
        modelBuilder.Entity<Source>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.CredentialId);
        });
        modelBuilder.Entity<Dataset>(e => e.HasKey(d => d.Id));
        modelBuilder.Entity<DatasetRecord>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.DatasetId, r.Id });
            e.HasIndex(r => new { r.DatasetId, r.Key }).IsUnique().HasFilter("\"Key\" IS NOT NULL");
        });
        modelBuilder.Entity<Transform>(e =>
        {
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.InputDatasetId);
            e.HasIndex(t => t.DatasetId).IsUnique();
        });
        modelBuilder.Entity<Lookup>(e =>
        {
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.Name).IsUnique();
        });
        modelBuilder.Entity<Destination>(e =>
        {
            e.HasKey(d => d.Id);
            e.HasIndex(d => d.DatasetId);
        });
        modelBuilder.Entity<DeliveryOffset>(e => e.HasKey(o => o.DestinationId));
        modelBuilder.Entity<DeliverySlice>(e =>
        {
            e.HasKey(s => new { s.RunId, s.Slice });
            e.HasOne<Run>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FailedDelivery>(e =>
        {
            e.HasKey(f => new { f.DestinationId, f.RecordId });
            e.HasIndex(f => f.RunId);
            e.HasIndex(f => f.RequestErrorId);
        });
        modelBuilder.Entity<RequestError>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.DestinationId);
            e.HasIndex(r => r.RunId);
        });
        modelBuilder.Entity<IngestJob>(e =>
        {
            e.HasKey(j => j.Id);
            e.HasIndex(j => j.RunId);
            e.HasIndex(j => j.DestinationId);
        });
        modelBuilder.Entity<Run>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.ResourceId, r.StartedAt });
            // A resource never has two runs at once, whichever instance starts them.
            e.HasIndex(r => r.ResourceId).IsUnique().HasFilter("\"Status\" = 'running'").HasDatabaseName("IX_Runs_ResourceId_Running");
        });
        modelBuilder.Entity<RunCancellation>(e =>
        {
            e.HasKey(c => c.RunId);
            e.HasOne<Run>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ResourceVersion>(e =>
        {
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.ResourceId, v.Number }).IsUnique();
        });
        modelBuilder.Entity<Sync>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Name).IsUnique();
        });
        modelBuilder.Entity<SyncPair>(e =>
        {
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.SyncId, p.Object, p.CrmId }).IsUnique();
            e.HasIndex(p => new { p.SyncId, p.Object, p.ClientSuccessId }).IsUnique();
            e.HasOne<Sync>().WithMany().HasForeignKey(p => p.SyncId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SyncRunReport>(e =>
        {
            e.HasKey(r => r.RunId);
            e.HasIndex(r => r.SyncId);
        });
        modelBuilder.Entity<StoredRateBudget>(e => e.HasKey(b => b.Key));
        modelBuilder.Entity<AlertRule>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasOne<Source>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.Property(r => r.Event).HasConversion<string>();
            e.Property(r => r.Channel).HasConversion<string>();
        });
        modelBuilder.Entity<Alert>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.RuleId, a.Id });
            e.HasIndex(a => a.Status);
            e.HasOne<Source>().WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Run>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
            e.Property(a => a.Event).HasConversion<string>();
            e.Property(a => a.Channel).HasConversion<string>();
            e.Property(a => a.Status).HasConversion<string>();
        });
    }
}
