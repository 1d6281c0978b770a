using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

public sealed class JintStopSwitchTests
{
    [Fact]
    public void IsAvailable_Jint2104_FindsThePrivateTimeoutField()
    {
        // If this fails, Jint was upgraded: the watchdog can no longer stop scripts (see JintStopSwitch).
        Assert.True(JintStopSwitch.IsAvailable, "Jint.Engine._timeoutTicks is missing; scripts cannot be stopped.");
        Assert.Equal(new Version(2, 10, 4, 0), typeof(Jint.Engine).Assembly.GetName().Version);
    }

    [Fact]
    public void Stop_FromAnotherThread_EndsARunningScript()
    {
        var engine = new Jint.Engine();
        var stopper = new Thread(() =>
        {
            Thread.Sleep(100);
            JintStopSwitch.Stop(engine);
        });
        stopper.Start();

        Assert.Throws<TimeoutException>(() => engine.Execute("while (true) { }"));
        stopper.Join();
    }
}
