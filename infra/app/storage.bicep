// The app's storage account: the Functions host (AzureWebJobsStorage), the Flex Consumption deployment container,
// the check fan-out queue and the app's state and spool tables. Identity access only: no shared keys, no public blobs.

@description('Primary location of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Storage account name.')
param name string

@description('Blob container Flex Consumption deploys the app package from.')
param deploymentContainerName string

@description('Queues the app uses: the check fan-out queue and its poison queue (Monitoring__CheckQueue).')
param queueNames array

@description('Tables the app uses: alert state and the ingestion spool (Monitoring__StateTable, Monitoring__SpoolTable).')
param tableNames array

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  resource queueServices 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }

  resource tableServices 'tableServices' = {
    name: 'default'

    resource stateTables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }
}

@description('Storage account name.')
output name string = storage.name

@description('Storage account resource id.')
output id string = storage.id

@description('Blob service endpoint.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue service endpoint.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table service endpoint.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('The deployment container name.')
output deploymentContainerName string = storage::blobServices::deploymentContainer.name
