# FlowStudio: build with the .NET 10 SDK (plus Node for the front-end bundle), run on the ASP.NET Core 10 runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/FlowStudio.Web/FlowStudio.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/templates /app/templates
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__FlowStudio="Data Source=/data/flowstudio.db" \
    Templates__Directory=/app/templates
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "FlowStudio.Web.dll"]
