using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Accounts;

/// <summary>Unattended set-up: with <c>Auth:Bootstrap:*</c> set and no user yet, creates the owner and their API key at start.</summary>
internal sealed class AccountBootstrap(UserService users, ApiKeyService keys, IOptions<AuthOptions> options, ILogger<AccountBootstrap> logger)
{
    public const string KeyName = "Bootstrap";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.Bootstrap;
        if (!bootstrap.IsSet)
        {
            return;
        }

        var (owner, errors) = await users.CreateFirstOwnerAsync(bootstrap.Email, bootstrap.Password, cancellationToken);
        if (owner is null)
        {
            // Usually: an owner exists already (a restart). Anything else is a setting the start-up check could not see.
            logger.LogInformation("Auth:Bootstrap left alone: {Reason}", string.Join(" ", errors.Select(e => e.Message)));
            return;
        }

        logger.LogInformation("Created the owner {Email} from Auth:Bootstrap", owner.Email);
        if (!string.IsNullOrEmpty(bootstrap.ApiKey))
        {
            var (_, keyErrors) = await keys.CreateAsync(owner.Id, KeyName, cancellationToken, bootstrap.ApiKey);
            if (keyErrors.Count > 0)
            {
                throw new InvalidOperationException($"Auth:Bootstrap:ApiKey could not be stored: {string.Join(" ", keyErrors.Select(e => e.Message))}");
            }
        }
    }
}
