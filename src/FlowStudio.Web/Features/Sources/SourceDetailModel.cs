using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Credentials;
using FlowStudio.Web.Features.Datasets;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Sources;

/// <summary>Everything the source page shows: the source, its credential, its dataset and its latest runs.</summary>
internal sealed record SourceDetailModel(SourceView Source, CredentialView? Credential, DatasetSnapshot? Dataset, IReadOnlyList<Run> Runs)
{
    public const int SampleSize = 10;
    public const int RunsShown = 5;

    public bool IsRunning => Runs.Any(r => r.Status == "running");

    public static async Task<SourceDetailModel?> LoadAsync(SourceDetailServices services, string id, CancellationToken cancellationToken)
    {
        var source = await services.Sources.GetAsync(id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var credential = source.CredentialId is null ? null : await services.Credentials.GetAsync(source.CredentialId, cancellationToken);
        var dataset = await DatasetSnapshot.LoadAsync(services.Db, source.DatasetId, SampleSize, cancellationToken);
        var runs = await services.Db.Runs.AsNoTracking().Where(r => r.ResourceId == id)
            .OrderByDescending(r => r.StartedAt).Take(RunsShown).ToListAsync(cancellationToken);
        return new SourceDetailModel(source, credential, dataset, runs);
    }
}

/// <summary>The services the source page reads from, injected as one group.</summary>
internal sealed record SourceDetailServices(SourceService Sources, CredentialService Credentials, FlowStudioDb Db);
