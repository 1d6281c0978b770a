using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Data;

internal sealed class FlowStudioDb(DbContextOptions<FlowStudioDb> options) : DbContext(options)
{
    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetRecord> DatasetRecords => Set<DatasetRecord>();

    public DbSet<Lookup> Lookups => Set<Lookup>();

    public DbSet<Run> Runs => Set<Run>();

    public DbSet<Destination> Destinations => Set<Destination>();

    public DbSet<DeliveryState> DeliveryStates => Set<DeliveryState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
        modelBuilder.Entity<DeliveryState>(e =>
        {
            e.HasKey(s => new { s.DestinationId, s.RecordId });
            e.HasIndex(s => new { s.DestinationId, s.Outcome });
            e.HasIndex(s => s.RunId);
        });
        modelBuilder.Entity<Run>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.ResourceId, r.StartedAt });
        });
    }
}
