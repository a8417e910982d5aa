// Least-privilege role assignments, each scoped to the one resource it is about (never the resource group).
// Built-in role definition ids are well known and the same in every tenant.

@description('The app\'s user-assigned identity.')
param identityName string

@description('Principal (object) id of the deploying user (AZURE_PRINCIPAL_ID), or empty for none. It gets data-plane roles on the monitoring data only, so a local run can write to and read the deployed workspace.')
param developerPrincipalId string = ''

@description('Type of the deploying principal.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param developerPrincipalType string = 'User'

@description('The app\'s storage account.')
param storageAccountName string

@description('The Log Analytics workspace.')
param workspaceName string

@description('The data collection rule the app ingests through.')
param dataCollectionRuleName string

@description('The Application Insights component the app and the Functions host send telemetry to.')
param applicationInsightsName string

@description('The Communication Service the app sends email through.')
param communicationServiceName string

var roles = {
  // Storage Blob Data Owner: the Functions host's own blobs (keys, timer leases) and the Flex deployment package.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Storage Queue Data Contributor: the queue trigger and the app's fan-out (send, create its queues).
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Storage Table Data Contributor: alert state, silences, leases and the ingestion spool.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Monitoring Metrics Publisher: Logs Ingestion through the DCR; Entra-authenticated telemetry to App Insights.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  // Log Analytics Reader: SLI reads and KQL data checks through the Log Analytics Query API.
  logAnalyticsReader: '73c42c96-874c-492b-b04d-ab87d138a893'
  // Communication and Email Service Owner: the built-in role the ACS docs name for sending email with Entra ID.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' existing = {
  name: workspaceName
}

resource dataCollectionRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' existing = {
  name: dataCollectionRuleName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource communicationService 'Microsoft.Communication/communicationServices@2026-03-18' existing = {
  name: communicationServiceName
}

resource storageBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource ingestion 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dataCollectionRule.id, identity.id, roles.monitoringMetricsPublisher)
  scope: dataCollectionRule
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource query 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, identity.id, roles.logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.logAnalyticsReader)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource email 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, identity.id, roles.communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.communicationAndEmailServiceOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The deploying user, when known: write results through the DCR and query them, as the app does, from a local run.
resource developerIngestion 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(dataCollectionRule.id, developerPrincipalId, roles.monitoringMetricsPublisher)
  scope: dataCollectionRule
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}

resource developerQuery 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(workspace.id, developerPrincipalId, roles.logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.logAnalyticsReader)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}
