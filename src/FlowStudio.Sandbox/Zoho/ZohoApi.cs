namespace FlowStudio.Sandbox.Zoho;

/// <summary>The accounts server (<c>/oauth/v2/token</c>) and the v7 record APIs (<c>/crm/v7/{module}</c>: read, search, write, delete).</summary>
internal static class ZohoApi
{
    public static RouteGroupBuilder MapZohoApi(this RouteGroupBuilder group)
    {
        group.MapZohoOAuthApi();
        var records = group.MapGroup("/crm/v7").AddEndpointFilter<ZohoAuth>();
        records.MapGet("/{module}", ZohoReadApi.List);
        records.MapGet("/{module}/search", ZohoReadApi.Search);
        records.MapGet("/{module}/{id}", ZohoReadApi.Get);
        records.MapPost("/{module}", ZohoWriteApi.InsertAsync);
        records.MapPut("/{module}", ZohoWriteApi.UpdateAsync);
        records.MapPost("/{module}/upsert", ZohoWriteApi.UpsertAsync);
        records.MapDelete("/{module}", ZohoDeleteApi.Delete);
        return group;
    }
}
