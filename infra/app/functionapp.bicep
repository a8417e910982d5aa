// The Functions app on the Flex Consumption plan: the custom handler (a self-contained linux-x64 publish of
// functions/Monitoring.Functions), deployed from a blob container, running as the user-assigned identity, with
// exactly the app settings the app and the Functions host read.

@description('Primary location of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Flex Consumption plan name.')
param planName string

@description('Function app name.')
param name string

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of the app\'s user-assigned identity.')
param identityClientId string

@description('The app\'s storage account (AzureWebJobsStorage and the deployment container).')
param storageAccountName string

@description('Blob container the deployment package lives in.')
param deploymentContainerName string

@description('Application Insights component the host and the app send telemetry to.')
param applicationInsightsName string

@description('Logs Ingestion endpoint of the data collection rule.')
param logsIngestionEndpoint string

@description('Immutable id of the data collection rule.')
param dataCollectionRuleImmutableId string

@description('Log Analytics workspace id (customerId) for SLI reads.')
param workspaceCustomerId string

@description('Communication Service endpoint for email.')
param acsEndpoint string

@description('Sender address for email.')
param emailSender string

@description('Teams Workflows URL, exposed to the spec as TEAMS_WORKFLOW_URL; empty for none.')
@secure()
param teamsWorkflowUrl string = ''

@description('Most instances Flex Consumption scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Flex Consumption sets the runtime in functionAppConfig, so FUNCTIONS_WORKER_RUNTIME (and FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE, content share settings) must not be app settings.
var appSettings = union(
  {
    // The host's storage, by identity.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    // Telemetry, with an Entra token: the resource disables local (key) authentication.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The app's Azure adapters (functions/Monitoring.Azure/Configuration/AzureMonitorSettings.cs).
    Monitoring__Azure__LogsIngestionEndpoint: logsIngestionEndpoint
    Monitoring__Azure__DcrImmutableId: dataCollectionRuleImmutableId
    Monitoring__Azure__WorkspaceId: workspaceCustomerId
    Monitoring__Azure__AcsEndpoint: acsEndpoint
    Monitoring__Azure__EmailSender: emailSender
    Monitoring__Azure__ManagedIdentityClientId: identityClientId
    // Checks fan out over the check-runs queue, so Flex Consumption scales out on it.
    Monitoring__FanOut: 'true'
    // The package is mounted read-only: the embedded store (the app's own pages read it) and the outbox live in /tmp.
    Monitoring__DatabasePath: '/tmp/monitoring/monitoring.db'
    Monitoring__OutboxPath: '/tmp/monitoring/outbox.jsonl'
  },
  // The same Workflows URL serves the spec's Teams channels and the Azure Monitor alerts the action groups forward (alerts/azure).
  empty(teamsWorkflowUrl) ? {} : { TEAMS_WORKFLOW_URL: teamsWorkflowUrl, Monitoring__AzureAlerts__TeamsWebhookUrl: teamsWorkflowUrl }
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // No basic (user name and password) publishing: deployments authenticate with Entra ID.
  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('Function app name.')
output name string = site.name

@description('Function app resource id.')
output id string = site.id

@description('Function app default host name.')
output defaultHostName string = site.properties.defaultHostName
