using System.Globalization;
using System.Text;
using FlowStudio.Engine.Destinations;

namespace FlowStudio.Bench;

/// <summary>Account records shaped as Clari expects (string id, epoch-ms timestamps), generated one at a time.</summary>
internal static class ClariRecords
{
    private const long Epoch = 1_700_000_000_000L;

    /// <summary>
    /// The records as the engine takes them: the host reads each record's compact JSON text from its dataset
    /// (<c>DatasetRecords.DataJson</c>) and hands it over as it is.
    /// </summary>
    public static IEnumerable<DeliveryRecord> ForEngine(long count, long first = 1)
    {
        for (var i = first; i < first + count; i++)
        {
            yield return DeliveryRecord.FromJson(i, Record(i));
        }
    }

    /// <summary>The same batch body the engine sends for records <paramref name="first"/>.., written straight to text.</summary>
    public static void WriteBatch(StringBuilder body, long first, int count)
    {
        body.Clear().Append("[{\"sourceEntity\":\"account\",\"records\":[");
        for (var i = first; i < first + count; i++)
        {
            if (i > first)
            {
                body.Append(',');
            }

            WriteRecord(body, i);
        }

        body.Append("]}]");
    }

    private static string Record(long i) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"id\":\"acc-{i}\",\"name\":\"Account {i}\",\"createdAt\":{Epoch},\"updatedAt\":{Epoch + i}}}");

    private static void WriteRecord(StringBuilder text, long i) =>
        text.Append("{\"id\":\"").Append(Id(i)).Append("\",\"name\":\"").Append(Name(i))
            .Append("\",\"createdAt\":").Append(Epoch.ToString(CultureInfo.InvariantCulture))
            .Append(",\"updatedAt\":").Append((Epoch + i).ToString(CultureInfo.InvariantCulture)).Append('}');

    private static string Id(long i) => "acc-" + i.ToString(CultureInfo.InvariantCulture);

    private static string Name(long i) => "Account " + i.ToString(CultureInfo.InvariantCulture);
}
