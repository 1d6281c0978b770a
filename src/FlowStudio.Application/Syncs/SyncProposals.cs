namespace FlowStudio.Application.Syncs;

/// <summary>The field mappings proposed for a new sync's object.</summary>
internal static class SyncProposals
{
    /// <summary>ClientSuccess field → CRM field, where the names differ; the CRM ID mapping first.</summary>
    private static readonly Dictionary<SyncObject, (string ClientSuccess, string Crm, string? Direction)[]> Known = new()
    {
        [SyncObject.Client] =
        [
            ("externalId", SyncFieldCatalog.CrmId, SyncWords.Pull),
            ("name", "Account_Name", null),
            ("siteUrl", "Website", null),
            ("inceptionDate", "Customer_Start_Date", null),
        ],
        [SyncObject.Contact] =
        [
            ("externalId", SyncFieldCatalog.CrmId, SyncWords.Pull),
            (SyncFieldCatalog.ContactClient, "Account_Name", null),
        ],
    };

    public static IReadOnlyList<SyncFieldRequest> For(SyncFieldCatalog catalog, SyncObject obj)
    {
        var proposals = Known[obj].Select(k => new SyncFieldRequest(k.ClientSuccess, k.Crm, k.Direction)).ToList();
        var crmFields = catalog.Fields(SyncSide.Crm, obj).Where(f => !f.ReadOnly && proposals.All(p => p.CrmField != f.Name)).ToList();
        foreach (var field in catalog.Fields(SyncSide.ClientSuccess, obj).Where(f => proposals.All(p => p.ClientSuccessField != f.Name)))
        {
            if (crmFields.FirstOrDefault(c => Folded(c.Name) == Folded(field.Name)) is { } same)
            {
                proposals.Add(new(field.Name, same.Name, null));
            }
        }

        return proposals;
    }

    /// <summary>A name without case and underscores: First_Name and firstName are the same.</summary>
    private static string Folded(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
