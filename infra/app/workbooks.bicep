// The three Azure Monitor workbooks of workbooks/, shared in the resource group and pointed at the Log Analytics
// workspace that holds the Monitor*_CL tables. The files name that workspace with a placeholder (in
// fallbackResourceIds and in every query's crossComponentResources), which this module replaces with its id.

metadata description = 'Monitoring workbooks: executive overview, on-call deep dive and data quality.'

@description('The region of the workbooks.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('The resource id of the Log Analytics workspace the workbooks query.')
param workspaceId string

@description('The token that makes this environment\'s resource names unique.')
param resourceToken string

@description('The placeholder the workbook files use for the workspace\'s resource id.')
var workspacePlaceholder = '{workspace-resource-id}'

var workbooks = [
  {
    key: 'executive-overview'
    displayName: 'Monitoring: executive overview'
    content: loadTextContent('../../workbooks/executive-overview.workbook.json')
  }
  {
    key: 'oncall-deep-dive'
    displayName: 'Monitoring: on-call deep dive'
    content: loadTextContent('../../workbooks/oncall-deep-dive.workbook.json')
  }
  {
    key: 'data-quality'
    displayName: 'Monitoring: data quality'
    content: loadTextContent('../../workbooks/data-quality.workbook.json')
  }
]

// Stable names: the same environment redeploys the same workbooks instead of adding copies.
var workbookNames = toObject(workbooks, entry => entry.key, entry => guid(resourceGroup().id, resourceToken, entry.key))

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = [
  for entry in workbooks: {
    name: workbookNames[entry.key]
    location: location
    tags: tags
    kind: 'shared'
    properties: {
      displayName: entry.displayName
      category: 'workbook'
      sourceId: workspaceId
      serializedData: replace(entry.content, workspacePlaceholder, workspaceId)
      version: 'Notebook/1.0'
    }
  }
]

@description('The resource ids of the workbooks, by file name without .workbook.json (e.g. oncall-deep-dive, which notifications link to).')
output workbookIds { *: string } = toObject(workbooks, entry => entry.key, entry => resourceId('Microsoft.Insights/workbooks', workbookNames[entry.key]))
