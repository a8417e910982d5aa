// Log Analytics (with the monitor tables), the data collection rule the app writes them through, and Application
// Insights. The tables and the rule's streams come from monitor-tables.json, which is generated from the app's one
// definition of them (functions/Monitoring.Core/Results/MonitorTables.cs) and guarded by a test.

@description('Primary location of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Log Analytics workspace name.')
param workspaceName string

@description('Data collection rule name.')
param dataCollectionRuleName string

@description('Application Insights name.')
param applicationInsightsName string

@description('Days the workspace keeps data (31 days are free on the Analytics plan).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

var monitorTables = loadJsonContent('monitor-tables.json').tables

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Entra ID only: no workspace keys for agents or the legacy Data Collector API.
      disableLocalAuth: true
    }
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

// One Analytics table per monitor table, columns in the app's order and types.
resource tables 'Microsoft.OperationalInsights/workspaces/tables@2025-07-01' = [
  for table in monitorTables: {
    parent: workspace
    name: table.name
    properties: {
      plan: 'Analytics'
      schema: {
        name: table.name
        description: table.description
        columns: table.columns
      }
    }
  }
]

// Direct ingestion (no data collection endpoint): one stream per table, passed through unchanged.
resource dataCollectionRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: dataCollectionRuleName
  location: location
  tags: tags
  kind: 'Direct'
  properties: {
    description: 'Monitoring results written by the Functions app through the Logs Ingestion API.'
    streamDeclarations: toObject(monitorTables, table => table.stream, table => { columns: table.streamColumns })
    destinations: {
      logAnalytics: [
        {
          name: 'workspace'
          workspaceResourceId: workspace.id
        }
      ]
    }
    dataFlows: [
      for table in monitorTables: {
        streams: [table.stream]
        destinations: ['workspace']
        transformKql: 'source'
        outputStream: table.stream
      }
    ]
  }
  // The rule's output streams must name tables that exist.
  dependsOn: [tables]
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Telemetry only with an Entra token (the app's identity holds Monitoring Metrics Publisher on this resource).
    DisableLocalAuth: true
  }
}

@description('Workspace resource id.')
output workspaceId string = workspace.id

@description('Workspace name.')
output workspaceName string = workspace.name

@description('Workspace id (customerId), the GUID the Log Analytics Query API takes.')
output workspaceCustomerId string = workspace.properties.customerId

@description('Data collection rule resource id.')
output dataCollectionRuleId string = dataCollectionRule.id

@description('Data collection rule name.')
output dataCollectionRuleName string = dataCollectionRule.name

@description('Data collection rule immutable id (dcr-…), the id the Logs Ingestion API takes.')
output dataCollectionRuleImmutableId string = dataCollectionRule.properties.immutableId

@description('Logs Ingestion endpoint of the Direct data collection rule.')
output logsIngestionEndpoint string = dataCollectionRule.properties.endpoints.logsIngestion

@description('Application Insights resource id.')
output applicationInsightsId string = applicationInsights.id

@description('Application Insights name.')
output applicationInsightsName string = applicationInsights.name
