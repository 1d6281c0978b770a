using System.Data;
using System.Data.Common;

namespace FlowStudio.Application.Data;

/// <summary>Parameters for the hand-written commands on hot paths (dataset writes, delivery state), whatever the provider.</summary>
internal static class DbCommandParameters
{
    /// <summary>
    /// Adds the parameter <paramref name="name"/> with <paramref name="value"/> (null: set before each execution). With no
    /// <paramref name="type"/> the provider infers it from the value (PostgreSQL then writes a UTC time as timestamptz).
    /// </summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value = null, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
