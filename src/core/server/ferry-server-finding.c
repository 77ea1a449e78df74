/* ferry-server-finding.c: one line of a server move's report
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-server-finding"

#include "config.h"

#include <gio/gio.h>

#include "ferry-core-enums.h"
#include "ferry-server-finding.h"

struct _FerryServerFinding
{
  GObject parent_instance;

  FerryFindingSeverity severity;
  char *id;
  char *subject;
  char *title;
  char *detail;
  char *fix;
};

G_DEFINE_FINAL_TYPE (FerryServerFinding, ferry_server_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_ID,
  PROP_SUBJECT,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_FIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_server_finding_finalize (GObject *object)
{
  FerryServerFinding *self = (FerryServerFinding *) object;

  g_free (self->id);
  g_free (self->subject);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->fix);

  G_OBJECT_CLASS (ferry_server_finding_parent_class)->finalize (object);
}

static void
ferry_server_finding_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FerryServerFinding *self = FERRY_SERVER_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_FIX:
      g_value_set_string (value, self->fix);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_server_finding_class_init (FerryServerFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ferry_server_finding_finalize;
  object_class->get_property = ferry_server_finding_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, FERRY_TYPE_FINDING_SEVERITY, FERRY_FINDING_OK,
                       flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_FIX] = g_param_spec_string ("fix", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_server_finding_init (FerryServerFinding *self)
{
}

FerryServerFinding *
ferry_server_finding_new (FerryFindingSeverity  severity,
                          const char           *id,
                          const char           *subject,
                          const char           *title,
                          const char           *detail,
                          const char           *fix)
{
  FerryServerFinding *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (FERRY_TYPE_SERVER_FINDING, NULL);
  self->severity = severity;
  self->id = g_strdup (id);
  self->subject = g_strdup (subject);
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  self->fix = g_strdup (fix);

  return self;
}

FerryFindingSeverity
ferry_server_finding_get_severity (FerryServerFinding *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_FINDING (self), FERRY_FINDING_OK);
  return self->severity;
}

const char *
ferry_server_finding_get_id (FerryServerFinding *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_FINDING (self), NULL);
  return self->id;
}

const char *
ferry_server_finding_get_subject (FerryServerFinding *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_FINDING (self), NULL);
  return self->subject;
}

const char *
ferry_server_finding_get_title (FerryServerFinding *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_FINDING (self), NULL);
  return self->title;
}

const char *
ferry_server_finding_get_detail (FerryServerFinding *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_FINDING (self), NULL);
  return self->detail;
}

const char *
ferry_server_finding_get_fix (FerryServerFinding *self)
{
  g_return_val_if_fail (FERRY_IS_SERVER_FINDING (self), NULL);
  return self->fix;
}

FerryFindingSeverity
ferry_server_findings_worst (GListModel *findings)
{
  FerryFindingSeverity worst = FERRY_FINDING_OK;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), FERRY_FINDING_OK);

  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FerryServerFinding) finding = g_list_model_get_item (findings, i);

      worst = MAX (worst, finding->severity);
    }

  return worst;
}
