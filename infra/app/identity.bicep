// The app's user-assigned identity: the Functions host, the deployment, and every data-plane call the app makes use it.

@description('Primary location of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Identity name.')
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Identity resource id.')
output id string = identity.id

@description('Identity name.')
output name string = identity.name

@description('Client id (AzureWebJobsStorage__clientId, Monitoring__Azure__ManagedIdentityClientId).')
output clientId string = identity.properties.clientId

@description('Principal (object) id, for role assignments.')
output principalId string = identity.properties.principalId
