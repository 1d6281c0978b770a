using Bunit;
using FlowStudio.Web.Components.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Shell;

public sealed class NotAllowedRedirectTests() : ShellTest(AccountRole.Viewer)
{
    [Fact]
    public void Render_SignedInWithoutTheRole_LoadsTheAccessDeniedPage()
    {
        GoTo("/users");

        Render<NotAllowedRedirect>();

        Assert.Equal("http://localhost/account/access-denied", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
