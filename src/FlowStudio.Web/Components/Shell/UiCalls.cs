using System.Security.Claims;
using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Features.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowStudio.Web.Components.Shell;

/// <summary>
/// How interactive components reach the application's services. A circuit lives as long as the browser tab, so each
/// call runs in its own DI scope (its own DbContext, as an HTTP request has), and the services a component calls are
/// the ones the REST API calls. Changes are checked against the signed-in user's role and written to the audit log,
/// exactly as the API's endpoint filters do for a request.
/// </summary>
internal sealed class UiCalls(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    /// <summary>Reads through <typeparamref name="TService"/> in a fresh scope.</summary>
    public async Task<T> ReadAsync<TService, T>(Func<TService, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TService>(), cancellationToken);
    }

    /// <summary>
    /// Makes a change through <typeparamref name="TService"/> in a fresh scope when the user's role allows it (an editor
    /// unless <paramref name="least"/> says otherwise), and records it in the audit log when <paramref name="succeeded"/>
    /// says it took effect (by default: always).
    /// </summary>
    /// <exception cref="ChangeNotAllowedException">The signed-in user's role does not allow the change.</exception>
    public async Task<T> ChangeAsync<TService, T>(
        AuditAction action, AuditResource resource, Func<T, string?> resourceId, Func<TService, CancellationToken, Task<T>> change,
        Func<T, bool>? succeeded = null, AccountRole least = AccountRole.Editor, CancellationToken cancellationToken = default)
        where TService : notnull
    {
        var user = await RequireAsync(least);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ChangeActor>().User = user;
        var result = await change(scope.ServiceProvider.GetRequiredService<TService>(), cancellationToken);
        if (succeeded?.Invoke(result) ?? true)
        {
            // The change is made: record it even if the page has gone away meanwhile.
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .RecordAsync(user, action, resource, resourceId(result), CancellationToken.None);
        }

        return result;
    }

    /// <summary>A change to the resource <paramref name="resourceId"/> that returns nothing.</summary>
    public Task ChangeAsync<TService>(
        AuditAction action, AuditResource resource, string? resourceId, Func<TService, CancellationToken, Task> change,
        AccountRole least = AccountRole.Editor, CancellationToken cancellationToken = default)
        where TService : notnull =>
        ChangeAsync<TService, bool>(action, resource, _ => resourceId, async (service, token) =>
        {
            await change(service, token);
            return true;
        }, least: least, cancellationToken: cancellationToken);

    /// <summary>The signed-in user.</summary>
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Whether the signed-in user may make changes that need <paramref name="least"/>.</summary>
    public async Task<bool> MayAsync(AccountRole least = AccountRole.Editor) => (await UserAsync()).IsAtLeast(least);

    private async Task<ClaimsPrincipal> RequireAsync(AccountRole least)
    {
        var user = await UserAsync();
        return user.IsAtLeast(least)
            ? user
            : throw new ChangeNotAllowedException(
                $"Your role ({user.Role()?.ToString() ?? "none"}) cannot make this change; it needs {least} or above. Ask an owner to change your role.");
    }
}

/// <summary>The signed-in user's role does not allow a change made from a screen; the message says what to do.</summary>
internal sealed class ChangeNotAllowedException(string message) : Exception(message);
