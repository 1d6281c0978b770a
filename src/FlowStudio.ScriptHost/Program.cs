using FlowStudio.Engine.Scripting;

return ScriptHostServer.Run(args);
