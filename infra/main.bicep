// The Monitoring platform, deployed by `azd up`: a resource group rg-<env> holding the Log Analytics workspace with
// the monitor tables, the data collection rule, Application Insights, the app's storage and identity, email through
// Azure Communication Services, and the Functions app on Flex Consumption.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Primary location of the resources (a region with Flex Consumption).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying principal (AZURE_PRINCIPAL_ID); empty grants nothing. It gets write and read on the monitoring data only, for local runs against the deployed workspace.')
param principalId string = ''

@description('Type of the deploying principal.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Email addresses the Azure-side alert action groups notify, separated by commas (azd env set ALERT_EMAILS "a@example.com,b@example.com").')
param alertEmails string = ''

@description('Teams Workflows URL ("When a Teams webhook request is received"): a secret. The app reads it as TEAMS_WORKFLOW_URL (the spec names it with \${env:TEAMS_WORKFLOW_URL}); the alerts module may use it too. Empty for none.')
@secure()
param teamsWebhookUrl string = ''

@description('Where the email services keep their data at rest.')
param emailDataLocation string = 'United States'

@description('Days the workspace keeps data.')
param logRetentionDays int = 30

@description('Most instances the Functions app scales out to.')
param maximumInstanceCount int = 100

@description('Memory of each Functions instance, in MB.')
param instanceMemoryMB int = 2048

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are known before deployment, so What-If sees every resource the modules reference.
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  workspace: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  dataCollectionRule: '${abbrs.insightsDataCollectionRules}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  emailService: '${abbrs.communicationEmailServices}${resourceToken}'
  communicationService: '${abbrs.communicationCommunicationServices}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}${resourceToken}'
}
// The app's queue and tables; the names are the app's defaults (MonitoringOptions: CheckQueue, StateTable, SpoolTable).
var checkQueue = 'check-runs'
var deploymentContainer = 'app-package-${take(names.functionApp, 32)}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: names.identity
  }
}

module monitor 'app/monitor.bicep' = {
  name: 'monitor'
  scope: rg
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    dataCollectionRuleName: names.dataCollectionRule
    applicationInsightsName: names.applicationInsights
    retentionInDays: logRetentionDays
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: names.storage
    deploymentContainerName: deploymentContainer
    queueNames: [checkQueue, '${checkQueue}-poison']
    tableNames: ['MonitorState', 'MonitorSpool']
  }
}

module email 'app/email.bicep' = {
  name: 'email'
  scope: rg
  params: {
    tags: tags
    emailServiceName: names.emailService
    communicationServiceName: names.communicationService
    dataLocation: emailDataLocation
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    identityName: names.identity
    developerPrincipalId: principalId
    developerPrincipalType: principalType
    storageAccountName: names.storage
    workspaceName: names.workspace
    dataCollectionRuleName: names.dataCollectionRule
    applicationInsightsName: names.applicationInsights
    communicationServiceName: names.communicationService
  }
  dependsOn: [identity, storage, monitor, email]
}

module functionApp 'app/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    location: location
    tags: tags
    planName: names.plan
    name: names.functionApp
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainer
    applicationInsightsName: names.applicationInsights
    logsIngestionEndpoint: monitor.outputs.logsIngestionEndpoint
    dataCollectionRuleImmutableId: monitor.outputs.dataCollectionRuleImmutableId
    workspaceCustomerId: monitor.outputs.workspaceCustomerId
    acsEndpoint: email.outputs.endpoint
    emailSender: email.outputs.sender
    teamsWorkflowUrl: teamsWebhookUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host needs its storage roles (and the storage) before it starts.
  dependsOn: [storage, roles]
}

// ── Plug-in points for the alerts and workbooks modules (each added here with `scope: rg`) ───────────────────────
// Values they can take:
//   location, tags, resourceToken, abbrs           naming and placement, as above
//   alertEmails (array), teamsWebhookUrl (secure)  the action groups' receivers (params of this file)
//   monitor.outputs.workspaceId                    Log Analytics workspace resource id (log alert scopes, workbook sourceId)
//   monitor.outputs.workspaceName
//   monitor.outputs.applicationInsightsId          Application Insights resource id (function failures)
//   functionApp.outputs.id / .name                 the Functions app
//   functionApp.outputs.defaultHostName            its host name (webhook receivers: https://<host>/api/...)

// The Azure-native alert path: action groups per severity and log alert rules over the monitor tables, each linking
// its runbook (served by the app at /api/runbooks). Deployed after the app: the webhook receiver reads its host key.
module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    workspaceId: monitor.outputs.workspaceId
    functionAppName: names.functionApp
    functionAppHostName: functionApp.outputs.defaultHostName
    alertEmails: filter(map(split(alertEmails, ','), address => trim(address)), address => !empty(address))
    teamsWebhookUrl: teamsWebhookUrl
    runbookBaseUrl: 'https://${functionApp.outputs.defaultHostName}/api/runbooks'
  }
}

// The executive, on-call and data-quality workbooks from workbooks/, pointed at the workspace.
module workbooks 'app/workbooks.bicep' = {
  name: 'workbooks'
  scope: rg
  params: {
    location: location
    tags: tags
    workspaceId: monitor.outputs.workspaceId
    resourceToken: resourceToken
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name

output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_FUNCTIONS_NAME string = functionApp.outputs.name
output FUNCTION_APP_HOST_NAME string = functionApp.outputs.defaultHostName
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'

output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

output LOG_ANALYTICS_WORKSPACE_ID string = monitor.outputs.workspaceCustomerId
output LOG_ANALYTICS_WORKSPACE_NAME string = monitor.outputs.workspaceName
output LOG_ANALYTICS_WORKSPACE_RESOURCE_ID string = monitor.outputs.workspaceId
output APPLICATIONINSIGHTS_RESOURCE_ID string = monitor.outputs.applicationInsightsId
output DCR_RESOURCE_ID string = monitor.outputs.dataCollectionRuleId
output DCR_IMMUTABLE_ID string = monitor.outputs.dataCollectionRuleImmutableId
output DCR_LOGS_INGESTION_ENDPOINT string = monitor.outputs.logsIngestionEndpoint

output ACS_ENDPOINT string = email.outputs.endpoint
output EMAIL_SENDER string = email.outputs.sender

output WORKBOOK_IDS object = workbooks.outputs.workbookIds
