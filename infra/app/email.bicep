// Email through Azure Communication Services: an Email Communication Service with an Azure-managed domain, linked to
// a Communication Service the app sends through with its Entra identity (no access keys).

@description('Tags for every resource.')
param tags object

@description('Email Communication Service name.')
param emailServiceName string

@description('Communication Service name.')
param communicationServiceName string

@description('Where the services keep their data at rest.')
param dataLocation string

resource emailService 'Microsoft.Communication/emailServices@2026-03-18' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  // An Azure-managed domain (<guid>.azurecomm.net) sends at once, with no DNS to verify; its limits are low
  // (per subscription 5 emails a minute, 10 an hour), which the app's digests respect.
  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      userEngagementTracking: 'Disabled'
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      emailService::managedDomain.id
    ]
    disableLocalAuth: true
  }
}

@description('Communication Service name.')
output communicationServiceName string = communicationService.name

@description('Communication Service resource id.')
output communicationServiceId string = communicationService.id

@description('Communication Service endpoint the app sends email through.')
output endpoint string = 'https://${communicationService.properties.hostName}/'

@description('Sender address on the managed domain.')
output sender string = 'DoNotReply@${emailService::managedDomain.properties.mailFromSenderDomain}'
