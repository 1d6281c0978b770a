using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowStudio.Application.Data;

/// <summary>Stores an enum as its <see cref="StoredWords"/> word, so the columns keep the words they always held.</summary>
internal sealed class StoredWordConverter<TEnum>() : ValueConverter<TEnum, string>(v => v.ToWord(), s => StoredWords.Parse<TEnum>(s))
    where TEnum : struct, Enum;
