using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Datasets;

/// <summary>Datasets and their records, read by the API and the screens alike.</summary>
internal sealed class DatasetService(FlowStudioDb db)
{
    public async Task<IReadOnlyList<Dataset>> ListAsync(CancellationToken cancellationToken) =>
        await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);

    public async Task<Dataset?> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>A page of the dataset's records as stored JSON, in the order they arrived, and how many it holds; null when it does not exist.</summary>
    public async Task<DatasetPage?> RecordsAsync(string id, int offset, int limit, CancellationToken cancellationToken)
    {
        if (!await db.Datasets.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        var records = db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == id);
        var total = await records.LongCountAsync(cancellationToken);
        var page = await records.OrderBy(r => r.Id).Skip(offset).Take(limit).Select(r => r.DataJson).ToListAsync(cancellationToken);
        return new DatasetPage(page, total);
    }
}

/// <summary>Some of a dataset's records (as stored JSON) and how many it holds.</summary>
internal sealed record DatasetPage(IReadOnlyList<string> Records, long Total);
