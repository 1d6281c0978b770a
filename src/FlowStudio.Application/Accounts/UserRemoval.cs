namespace FlowStudio.Application.Accounts;

internal enum UserRemoval
{
    Removed,
    NotFound,

    /// <summary>Refused: FlowStudio always keeps an owner.</summary>
    LastOwner,
}
