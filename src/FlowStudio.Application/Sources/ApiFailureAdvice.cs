using Microsoft.AspNetCore.WebUtilities;

namespace FlowStudio.Application.Sources;

/// <summary>What a failed endpoint test means for the user, by the status the API answered (0 = no answer).</summary>
internal static class ApiFailureAdvice
{
    public static string Title(int status) => status == 0
        ? "The API did not answer"
        : $"The API answered {status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();

    public static string WhatToDo(int status) => status switch
    {
        0 => "Check the credential's base URL and that the API can be reached from FlowStudio, then test again.",
        400 or 422 => "The API rejected the request: check the parameters, the URL's query and the body.",
        401 => "The API did not accept the credential: check its API key or username and password on the Credentials page.",
        403 => "The credential is valid but may not use this endpoint: check its permissions in the API's account.",
        404 => "The API has nothing at this address: check the URL path and any IDs in it.",
        405 => "The endpoint does not accept this method: check the Method.",
        429 => "The API is limiting requests: wait a moment, then test again.",
        >= 500 => "The API had a problem of its own: test again later; if it persists, contact the API's support.",
        _ => "Check the URL, its parameters and the credential, then test again.",
    };
}
