// Azure-native alerting: action groups per severity and the log alert rules that feed them.
//
// The app's engine decides every alert and writes each transition to MonitorAlert_CL; the rules below deliver the
// transitions of critical and warning alerts through Azure Monitor (the "Azure-native" path) and are the backstop
// for what the app cannot say about itself: its heartbeat stopping, its functions failing, its notifications not
// getting through. Every receiver uses the common alert schema; every rule carries its runbook in
// customProperties.runbookUrl (and the transition rules the alert's own runbook as the RunbookUrl dimension).
//
// Severities: critical = Sev1 (critical action group: email + the app's alerts/azure webhook), warning = Sev2
// (warning action group: the webhook, or email when no Teams URL is configured). info = Sev3 has no rule and no
// action group on purpose: info is recorded in MonitorAlert_CL and shown in the workbooks and on the status page,
// and nobody is notified.
//
// Queries: skipQueryValidation, because Azure validates a rule's query against the workspace at deployment, and the
// custom tables (created by the core template) or AppRequests (created with Application Insights' first data) may not
// exist yet on a first deployment. The same queries pass the official KQL parser in tests/Monitoring.Infra.Tests.
//
// Maintenance windows: no alert processing rules (Microsoft.AlertsManagement/actionRules) here, on purpose. The
// transition rules read the engine's own states, which already honour the spec's maintenance windows and silences
// (a muted alert is "silenced", not "firing"), and the engine re-announces at the end of a window what is still
// broken. An Azure suppression rule would drop that end-of-window notification for good. See docs/runbooks/on-call.md.

metadata description = 'Action groups (critical, warning) and log alert rules of the monitoring app.'

@description('Location of the log alert rules: the workspace\'s region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('The azd resource token, for unique names.')
param resourceToken string

@description('Resource id of the Log Analytics workspace the app writes to; workspace-based Application Insights writes to it too.')
param workspaceId string

@description('Name of the function app: its Application Insights role name, and the site whose default host key authorises the webhook.')
param functionAppName string

@description('Default host name of the function app, e.g. func-abc.azurewebsites.net: where the webhook posts.')
param functionAppHostName string

@description('Who receives critical alerts by email (and warnings, when no Teams URL is set). Azure Monitor sends these itself, so they arrive even when the app\'s own channels fail. With no address and no Teams URL the groups notify nobody; fired alerts still show in Azure Monitor.')
param alertEmails string[]

@secure()
@description('The Teams Workflows URL Azure alerts are posted to. The app posts the card (the same URL is its Monitoring__AzureAlerts__TeamsWebhookUrl setting); here it only decides whether the action groups call the app. Empty: no webhook, and warnings go by email.')
param teamsWebhookUrl string = ''

@description('Where the runbooks are published, without a trailing slash: the repository\'s docs/runbooks URL, or https://<function app host>/api/runbooks (the copies the app serves).')
param runbookBaseUrl string

var teamsConfigured = !empty(teamsWebhookUrl)

// The webhook into the app's alerts/azure function (authLevel function) carries the app's default host key. It is
// read at deployment; a host key renewed later needs a new deployment of this module.
resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

var emailReceivers = [
  for (email, i) in alertEmails: {
    name: 'email-${i + 1}'
    emailAddress: email
    useCommonAlertSchema: true
  }
]

var appWebhookReceivers = teamsConfigured
  ? [
      {
        name: 'monitoring-app'
        serviceUri: 'https://${functionAppHostName}/api/alerts/azure?code=${listKeys('${functionApp.id}/host/default', '2025-03-01').functionKeys.default}'
        useCommonAlertSchema: true
        useAadAuth: false
      }
    ]
  : []

resource criticalGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-critical-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'mon-crit'
    enabled: true
    emailReceivers: emailReceivers
    webhookReceivers: appWebhookReceivers
  }
}

resource warningGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-warning-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'mon-warn'
    enabled: true
    emailReceivers: teamsConfigured ? [] : emailReceivers
    webhookReceivers: appWebhookReceivers
  }
}

// The engine's transitions, one Azure alert per alert key: fired while the key's latest transition (in the last two
// days) is firing or acknowledged, resolved when it is resolved, silenced or inactive.
resource criticalTransitions 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'sqr-critical-alerts-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Monitoring: critical alert firing'
    description: 'A critical alert of the monitoring engine is firing (its latest transition in MonitorAlert_CL). One Azure alert per alert key; the RunbookUrl dimension is the alert\'s own runbook.'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    overrideQueryTimeRange: 'P2D'
    autoMitigate: true
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: '''
MonitorAlert_CL
| where Severity == "critical"
| summarize arg_max(TimeGenerated, State, AlertName, Service, RunbookUrl) by AlertKey
| where State in ("firing", "acknowledged")
| project AlertKey, AlertName = coalesce(AlertName, AlertKey), Service = coalesce(Service, "none"), RunbookUrl = coalesce(RunbookUrl, "none")
'''
          timeAggregation: 'Count'
          dimensions: [
            { name: 'AlertKey', operator: 'Include', values: ['*'] }
            { name: 'AlertName', operator: 'Include', values: ['*'] }
            { name: 'Service', operator: 'Include', values: ['*'] }
            { name: 'RunbookUrl', operator: 'Include', values: ['*'] }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: {
      actionGroups: [criticalGroup.id]
      customProperties: {
        runbookUrl: '${runbookBaseUrl}/on-call.md'
        source: 'MonitorAlert_CL'
      }
    }
  }
}

resource warningTransitions 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'sqr-warning-alerts-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Monitoring: warning alert firing'
    description: 'A warning alert of the monitoring engine is firing (its latest transition in MonitorAlert_CL), the results spool included. One Azure alert per alert key; the RunbookUrl dimension is the alert\'s own runbook.'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    overrideQueryTimeRange: 'P2D'
    autoMitigate: true
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: '''
MonitorAlert_CL
| where Severity == "warning"
| summarize arg_max(TimeGenerated, State, AlertName, Service, RunbookUrl) by AlertKey
| where State in ("firing", "acknowledged")
| project AlertKey, AlertName = coalesce(AlertName, AlertKey), Service = coalesce(Service, "none"), RunbookUrl = coalesce(RunbookUrl, "none")
'''
          timeAggregation: 'Count'
          dimensions: [
            { name: 'AlertKey', operator: 'Include', values: ['*'] }
            { name: 'AlertName', operator: 'Include', values: ['*'] }
            { name: 'Service', operator: 'Include', values: ['*'] }
            { name: 'RunbookUrl', operator: 'Include', values: ['*'] }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: {
      actionGroups: [warningGroup.id]
      customProperties: {
        runbookUrl: '${runbookBaseUrl}/on-call.md'
        source: 'MonitorAlert_CL'
      }
    }
  }
}

// The dead man's switch: every instance writes a heartbeat row each minute; none for 10 minutes pages.
resource heartbeatMissing 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'sqr-heartbeat-missing-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Monitoring: monitor heartbeat missing'
    description: 'No MonitorHeartbeat_CL row for 10 minutes: the monitoring app is down, or cannot write to Log Analytics.'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT10M'
    autoMitigate: true
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: '''
MonitorHeartbeat_CL
| summarize Heartbeats = count()
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'Heartbeats'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: {
      actionGroups: [criticalGroup.id]
      customProperties: {
        runbookUrl: '${runbookBaseUrl}/heartbeat-missing.md'
        source: 'MonitorHeartbeat_CL'
      }
    }
  }
}

// Function executions of this app (the Functions host's request telemetry) that failed, per function.
resource functionFailures 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'sqr-function-failures-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Monitoring: function executions failing'
    description: 'A function of the monitoring app failed at least 3 times in 15 minutes (AppRequests, Success == false).'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: '''
AppRequests
| where Success == false
| summarize Failures = count() by AppRoleName = tolower(AppRoleName), Name
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'Failures'
          dimensions: [
            { name: 'AppRoleName', operator: 'Include', values: [toLower(functionAppName)] }
            { name: 'Name', operator: 'Include', values: ['*'] }
          ]
          operator: 'GreaterThanOrEqual'
          threshold: 3
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: {
      actionGroups: [warningGroup.id]
      customProperties: {
        runbookUrl: '${runbookBaseUrl}/function-failures.md'
        source: 'AppRequests'
      }
    }
  }
}

// Notifications the app could not deliver (after its retries), per channel; the critical group's email receivers
// do not depend on the app's channels.
resource deliveryFailing 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'sqr-delivery-failing-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Monitoring: notification delivery failing'
    description: 'MonitorDelivery_CL holds failed deliveries (not held for a digest, not tests) in the last 15 minutes.'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    skipQueryValidation: true
    criteria: {
      allOf: [
        {
          query: '''
MonitorDelivery_CL
| where Delivered == false and coalesce(Held, false) == false and Kind != "test"
| summarize Failures = count() by Channel, ChannelKind = coalesce(ChannelKind, "none")
'''
          timeAggregation: 'Total'
          metricMeasureColumn: 'Failures'
          dimensions: [
            { name: 'Channel', operator: 'Include', values: ['*'] }
            { name: 'ChannelKind', operator: 'Include', values: ['*'] }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: {
      actionGroups: [criticalGroup.id]
      customProperties: {
        runbookUrl: '${runbookBaseUrl}/notification-delivery-failing.md'
        source: 'MonitorDelivery_CL'
      }
    }
  }
}

@description('The critical (Sev1) action group.')
output criticalActionGroupId string = criticalGroup.id

@description('The warning (Sev2) action group.')
output warningActionGroupId string = warningGroup.id

@description('The log alert rules, by name.')
output alertRuleNames string[] = [
  criticalTransitions.name
  warningTransitions.name
  heartbeatMissing.name
  functionFailures.name
  deliveryFailing.name
]
