/* ferry-backup-category.c: one kind of thing a backup saves, and how far it is
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-backup-category"

#include "config.h"

#include "ferry-backup-category.h"

struct _FerryBackupCategory
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  char           *detail;
  FerryStepState  state;
  gint64          done;
  gint64          total;       /* -1: not known yet */
  gint64          started_at;  /* monotonic µs when this run began */
  gint64          done_at_start;
};

G_DEFINE_FINAL_TYPE (FerryBackupCategory, ferry_backup_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STATE,
  PROP_DONE,
  PROP_TOTAL,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ferry_backup_category_finalize (GObject *object)
{
  FerryBackupCategory *self = FERRY_BACKUP_CATEGORY (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (ferry_backup_category_parent_class)->finalize (object);
}

static void
ferry_backup_category_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FerryBackupCategory *self = FERRY_BACKUP_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DONE:
      g_value_set_int64 (value, self->done);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_backup_category_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FerryBackupCategory *self = FERRY_BACKUP_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_backup_category_class_init (FerryBackupCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ferry_backup_category_finalize;
  object_class->get_property = ferry_backup_category_get_property;
  object_class->set_property = ferry_backup_category_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FERRY_TYPE_STEP_STATE, FERRY_STEP_STATE_PENDING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DONE] =
    g_param_spec_int64 ("done", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_backup_category_init (FerryBackupCategory *self)
{
  self->total = -1;
}

FerryBackupCategory *
ferry_backup_category_new (const char *id,
                           const char *title)
{
  return g_object_new (FERRY_TYPE_BACKUP_CATEGORY, "id", id, "title", title, NULL);
}

const char *
ferry_backup_category_get_id (FerryBackupCategory *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), NULL);

  return self->id;
}

const char *
ferry_backup_category_get_title (FerryBackupCategory *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), NULL);

  return self->title;
}

FerryStepState
ferry_backup_category_get_state (FerryBackupCategory *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), FERRY_STEP_STATE_PENDING);

  return self->state;
}

gint64
ferry_backup_category_get_done (FerryBackupCategory *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), 0);

  return self->done;
}

/* -1 while not known. */
gint64
ferry_backup_category_get_total (FerryBackupCategory *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), -1);

  return self->total;
}

/* Why it was skipped or failed, or what it is doing; %NULL when nothing to say. */
const char *
ferry_backup_category_get_detail (FerryBackupCategory *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), NULL);

  return self->detail;
}

/**
 * ferry_backup_category_get_rate:
 *
 * Returns: items per second in this run so far; 0 until there is something to measure
 */
double
ferry_backup_category_get_rate (FerryBackupCategory *self)
{
  double elapsed;

  g_return_val_if_fail (FERRY_IS_BACKUP_CATEGORY (self), 0);

  if (self->started_at == 0 || self->done <= self->done_at_start)
    return 0;
  elapsed = (g_get_monotonic_time () - self->started_at) / (double) G_USEC_PER_SEC;
  return elapsed > 0.5 ? (self->done - self->done_at_start) / elapsed : 0;
}

/* Returns: seconds until done at the present rate, or -1 when that cannot be said. */
gint64
ferry_backup_category_get_seconds_left (FerryBackupCategory *self)
{
  double rate = ferry_backup_category_get_rate (self);

  if (rate <= 0 || self->total < 0 || self->state != FERRY_STEP_STATE_RUNNING)
    return -1;
  return (gint64) ((MAX (self->total - self->done, 0)) / rate + 0.5);
}

void
ferry_backup_category_set_state (FerryBackupCategory *self,
                                 FerryStepState       state,
                                 const char          *detail)
{
  g_return_if_fail (FERRY_IS_BACKUP_CATEGORY (self));

  if (state == FERRY_STEP_STATE_RUNNING && self->state != FERRY_STEP_STATE_RUNNING)
    {
      self->started_at = g_get_monotonic_time ();
      self->done_at_start = self->done;
    }
  if (g_strcmp0 (detail, self->detail) != 0)
    {
      g_free (self->detail);
      self->detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }
  if (state == self->state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
ferry_backup_category_set_total (FerryBackupCategory *self,
                                 gint64               total)
{
  g_return_if_fail (FERRY_IS_BACKUP_CATEGORY (self));

  if (total == self->total)
    return;
  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

void
ferry_backup_category_set_done (FerryBackupCategory *self,
                                gint64               done)
{
  g_return_if_fail (FERRY_IS_BACKUP_CATEGORY (self));

  if (done == self->done)
    return;
  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}
