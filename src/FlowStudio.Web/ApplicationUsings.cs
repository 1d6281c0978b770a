// The application layer's namespaces: its services, data and runs are used throughout.
global using FlowStudio.Application;
global using FlowStudio.Application.Accounts;
global using FlowStudio.Application.Audit;
global using FlowStudio.Application.Common;
global using FlowStudio.Application.Connectors;
global using FlowStudio.Application.Credentials;
global using FlowStudio.Application.Data;
global using FlowStudio.Application.Datasets;
global using FlowStudio.Application.Destinations;
global using FlowStudio.Application.Flows;
global using FlowStudio.Application.Lookups;
global using FlowStudio.Application.Outbound;
global using FlowStudio.Application.Runs;
global using FlowStudio.Application.Sandbox;
global using FlowStudio.Application.Sources;
global using FlowStudio.Application.Templates;
global using FlowStudio.Application.Webhooks;
