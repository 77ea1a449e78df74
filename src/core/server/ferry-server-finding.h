/* ferry-server-finding.h: one line of a server move's report, with its severity and fix
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FerryFindingSeverity:
 * @FERRY_FINDING_OK: checked and fine
 * @FERRY_FINDING_INFO: worth knowing, nothing to do
 * @FERRY_FINDING_WARNING: the move works, but something is lost or must be done by hand
 * @FERRY_FINDING_ERROR: the restore or the server will not work until this is fixed
 */
typedef enum
{
  FERRY_FINDING_OK,
  FERRY_FINDING_INFO,
  FERRY_FINDING_WARNING,
  FERRY_FINDING_ERROR,
} FerryFindingSeverity;

#define FERRY_TYPE_SERVER_FINDING (ferry_server_finding_get_type ())

G_DECLARE_FINAL_TYPE (FerryServerFinding, ferry_server_finding, FERRY, SERVER_FINDING, GObject)

/* @id is stable and not translated (tests and --json use it: "env.secret-key-base.missing");
 * @subject names what was looked at (a file's name, "media"), @title says what was found,
 * @detail why it matters, @fix what to do; all but @id are plain translated sentences and
 * never hold a secret's value. */
FerryServerFinding   *ferry_server_finding_new          (FerryFindingSeverity severity,
                                                         const char          *id,
                                                         const char          *subject,
                                                         const char          *title,
                                                         const char          *detail,
                                                         const char          *fix);
FerryFindingSeverity  ferry_server_finding_get_severity (FerryServerFinding  *self);
const char           *ferry_server_finding_get_id       (FerryServerFinding  *self);
const char           *ferry_server_finding_get_subject  (FerryServerFinding  *self);
const char           *ferry_server_finding_get_title    (FerryServerFinding  *self);
const char           *ferry_server_finding_get_detail   (FerryServerFinding  *self);
const char           *ferry_server_finding_get_fix      (FerryServerFinding  *self);

/* The worst severity in @findings (a GListModel of FerryServerFinding); OK when empty. */
FerryFindingSeverity  ferry_server_findings_worst       (GListModel          *findings);

G_END_DECLS
